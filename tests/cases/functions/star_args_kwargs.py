# *args, **kwargs, keyword-only arguments, unpacking at the call site.

def collect(*args):
    return args

print(collect())
print(collect(1))
print(collect(1, "two", [3], None))

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s

print(total(1))
print(total(1, 2, 3, 4))
print(total(0.5, 10**30, -1))
print(total("a", "b", "c"))

def options(**kwargs):
    return kwargs

print(options())
print(options(a=1, b=2, zeta="z"))

def everything(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)

print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3))
print(everything(1, c=3, d=5, e=6, f=7))
print(everything(*[9, 8, 7], **{"c": 0, "x": "y"}))

# keyword-only args after a bare star
def kwonly(a, *, scale=1, offset=0):
    return a * scale + offset

print(kwonly(5))
print(kwonly(5, scale=3))
print(kwonly(5, offset=-1, scale=2))
try:
    kwonly(5, 3)
except TypeError as e:
    print(type(e).__name__, e)

def required_kwonly(*, key):
    return key

print(required_kwonly(key="k"))
try:
    required_kwonly()
except TypeError as e:
    print(type(e).__name__, e)

# unpacking at the call site
def point(x, y, z):
    return x * 100 + y * 10 + z

coords = [1, 2, 3]
print(point(*coords))
print(point(*(4, 5), 6))
print(point(7, *[8], *[9]))
print(point(**{"z": 1, "y": 2, "x": 3}))
print(point(1, **{"z": 3, "y": 2}))
print(point(*"", 1, 2, 3))
print(point(*range(3)))

# forwarding *args and **kwargs
def wrapper(*args, **kwargs):
    print("forwarding", args, kwargs)
    return everything(*args, **kwargs)

print(wrapper(1, 2, 3, c="C", extra=True))

# kwargs preserve order
def keys_in_order(**kw):
    return list(kw)

print(keys_in_order(z=1, a=2, m=3))

# args is a tuple, kwargs is a dict
def types(*a, **k):
    return type(a).__name__, type(k).__name__

print(types(1, x=2))

# duplicate keyword via **
try:
    point(1, **{"x": 2, "y": 3, "z": 4})
except TypeError as e:
    print(type(e).__name__, e)
