# One method-call site meets receivers of several types, in turn and repeatedly: each call must
# find the method of the receiver it has now.
items = [[1, 2, 1], "a1b1", (1, 1, 1), [3], "", (), b"\x01\x01", [1] * 5]
for _ in range(3):
    for x in items:
        try:
            print(type(x).__name__, x.count(1 if not isinstance(x, str) else "1"))
        except TypeError as e:
            print(type(x).__name__, "TypeError:", e)

# The same name resolving to a method on one type and to nothing on another.
for x in [[1, 2], "text", 5, [3], 2.5, {"k": 1}, 7]:
    try:
        print(x.index(x[0]) if isinstance(x, (list, str)) else x.keys())
    except AttributeError as e:
        print("AttributeError:", e)
    except TypeError as e:
        print("TypeError:", e)

# int, bool, float and complex methods share a call site.
for v in [10, True, 2.5, -3, False, 1e300, 2**70, 3-4j]:
    print(type(v).__name__, v.conjugate())

# A builtin method bound to its receiver, called later, and a bound method stored in a list.
appenders = [[].append for _ in range(3)]
for i, add in enumerate(appenders):
    add(i)
    add(i * 2)
print([a.__self__ for a in appenders])
pop = [1, 2, 3].pop
print(pop(), pop(0), pop())

# list.append through the method-call fast path, with the wrong number of arguments.
xs = []
xs.append(1)
for bad in [(), (1, 2)]:
    try:
        xs.append(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    xs.append(x=1)
except TypeError as e:
    print("TypeError:", e)
print(xs)
try:
    list.append("not a list", 1)
except TypeError as e:
    print("TypeError:", e)
