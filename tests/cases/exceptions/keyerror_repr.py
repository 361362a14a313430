# KeyError shows the repr of the missing key, and other lookup failures on dicts.

def missing(d, key):
    try:
        return d[key]
    except KeyError as e:
        print("KeyError str=%s repr=%s args=%r" % (str(e), repr(e), e.args))
        return None


d = {"a": 1, 2: "two", (1, 2): "tuple", None: 0, 1.5: "x"}
for key in ["b", "", "it's", 'say "hi"', "ünïcode", 3, -1, 10 ** 25, 2.5, (1, 3), (), None, True, 0j, float("inf")]:
    if key in d:
        print("present", repr(key))
    else:
        missing(d, key)

# present keys, including equal numbers of different types
print(d[2], d[2.0], d[(1, 2)], d[None], d[1.5])
print(missing({1: "one"}, True), missing({0: "zero"}, False), missing({1: "x"}, 1.0))

# del of a missing key, pop without a default
e_dict = {}
try:
    del e_dict["gone"]
except KeyError as e:
    print("del:", repr(e))
try:
    e_dict.pop("gone")
except KeyError as e:
    print("pop:", repr(e))
print("pop default:", e_dict.pop("gone", "dflt"))
try:
    e_dict.popitem()
except KeyError as e:
    print("popitem:", repr(e), str(e))

# KeyError created directly
print(repr(KeyError()), str(KeyError()))
print(repr(KeyError("k")), str(KeyError("k")))
print(repr(KeyError("k", "v")), str(KeyError("k", "v")))
print(repr(KeyError(5)), str(KeyError(5)))
print(repr(KeyError("")), str(KeyError("")))
print(repr(KeyError([1, 2])), str(KeyError([1, 2])))

# unhashable key is a TypeError, not KeyError
for bad in [[1], {"x": 1}]:
    try:
        d[bad]
    except TypeError as e:
        print("TypeError:", e)
    except KeyError:
        print("unexpected KeyError")

# get and setdefault do not raise
print(d.get("zzz"), d.get("zzz", -1), d.setdefault("new", []), d["new"])
print(list(d.keys()))
