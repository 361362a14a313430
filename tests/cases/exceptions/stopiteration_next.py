# StopIteration from next(), next() with a default, and iterators running dry.

it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration raised:", repr(e), e.args, "value:", e.value)

print(next(it, "default"))
print(next(iter([]), None))
print(next(iter(""), "empty string"))
print(next(iter(range(0)), -1))

r = iter(range(3, -3, -2))
values = []
while True:
    try:
        values.append(next(r))
    except StopIteration:
        print("range exhausted after", values)
        break

# each kind of builtin iterator stops the same way
for source in [(), {}, "ab", (9,), {"k": 1}, range(2), enumerate("x"), zip([1], [2, 3]), reversed([7, 8])]:
    it = iter(source)
    got = []
    try:
        while True:
            got.append(next(it))
    except StopIteration as e:
        print(type(source).__name__, got, repr(e))

# next() on a non-iterator is a TypeError
for thing in [[1, 2], 5, "abc", None]:
    try:
        next(thing)
    except TypeError as e:
        print("TypeError:", e)

# a StopIteration raised by hand carries its value
try:
    raise StopIteration(42)
except StopIteration as e:
    print("value", e.value, "args", e.args, "str", str(e))

try:
    raise StopIteration
except StopIteration as e:
    print("bare class: value", e.value, "args", e.args, "repr", repr(e))


# StopIteration is an Exception but not a LookupError
e = StopIteration("x")
print(isinstance(e, Exception), isinstance(e, LookupError), isinstance(e, BaseException))


# a generator returning a value puts it in StopIteration.value
def gen():
    yield 1
    return "finished"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("generator return value:", e.value)
print(next(g, "after end"))
