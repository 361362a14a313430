# dict methods: get, setdefault, pop, popitem, update, keys/values/items, copy, fromkeys, clear.

d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", "default"), d.get("b", 0))

print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append("item")
print(d)
print(d.setdefault("none"), d)

print(d.pop("none"), d)
print(d.pop("missing", "fallback"))
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)

print(d.popitem(), d)
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)

d.update({"x": 10, "a": -1})
print(d)
d.update([("y", 20), ("z", 30)])
print(d)
d.update(w=40, x=11)
print(d)
d.update()
print(d)

# views
k, v, it = d.keys(), d.values(), d.items()
print(k)
print(v)
print(it)
print(len(k), "x" in k, 11 in v, ("x", 11) in it, ("x", 10) in it)
d["late"] = "added after views were made"
print(list(k))
print(list(v))
print(list(it)[-1])

# copy is shallow
orig = {"list": [1, 2], "n": 1}
cp = orig.copy()
cp["n"] = 2
cp["list"].append(3)
print(orig, cp)

# fromkeys
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), dict.fromkeys([]))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)

# clear
cp.clear()
print(cp, len(cp))

# KeyError messages
e = {}
for key in ["missing", 42, (1, 2), None]:
    try:
        e[key]
    except KeyError as err:
        print(type(err).__name__, err, repr(err))

# keys of different types, equality and ordering
mixed = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", True: "bool overwrites 1"}
print(mixed)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {})

# merging with | and |=
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1)
m1 |= m2
print(m1)

# counting words
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])

# grouping with setdefault
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)

# iteration while mutating raises
try:
    for key in counts:
        counts[key + "!"] = 0
except RuntimeError as err:
    print(type(err).__name__, err)
print(len(d), list(reversed(d))[:2], dict(sorted({"b": 1, "a": 2}.items())))
