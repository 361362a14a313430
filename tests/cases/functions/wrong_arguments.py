# Calling functions with wrong arguments: TypeError messages.

def f(a, b):
    return a + b

def g(a, b=2, *, c):
    return a + b + c

def h(*args, key):
    return args, key

def k(x):
    return x

def nothing():
    return None

def many(a, b, c, d):
    return a

zero = lambda: 0
ident = lambda a: a
five = 5
text = "str"
none = None

attempts = [
    ("f(1)", lambda: f(1)),
    ("f()", lambda: f()),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1, b=2, a=3)", lambda: f(1, b=2, a=3)),
    ("f(1, 2, c=3)", lambda: f(1, 2, c=3)),
    ("f(a=1, d=5)", lambda: f(a=1, d=5)),
    ("g(1)", lambda: g(1)),
    ("g(1, 2, 3)", lambda: g(1, 2, 3)),
    ("g(1, 2, 3, c=4)", lambda: g(1, 2, 3, c=4)),
    ("h(1, 2)", lambda: h(1, 2)),
    ("k()", lambda: k()),
    ("k(1, 2)", lambda: k(1, 2)),
    ("k(y=1)", lambda: k(y=1)),
    ("nothing(1)", lambda: nothing(1)),
    ("nothing(x=1)", lambda: nothing(x=1)),
    ("many(1)", lambda: many(1)),
    ("many(1, 2)", lambda: many(1, 2)),
    ("many(b=1, d=2)", lambda: many(b=1, d=2)),
    ("many(1, 2, 3, 4, 5, 6)", lambda: many(1, 2, 3, 4, 5, 6)),
    ("k(*[1, 2])", lambda: k(*[1, 2])),
    ("k(**{'x': 1, 'z': 2})", lambda: k(**{"x": 1, "z": 2})),
    ("zero(1)", lambda: zero(1)),
    ("ident()", lambda: ident()),
    ("len()", lambda: len()),
    ("len(1)", lambda: len(1)),
    ("len([], [])", lambda: len([], [])),
    ("abs('x')", lambda: abs("x")),
    ("five()", lambda: five()),
    ("text()", lambda: text()),
    ("none()", lambda: none()),
    ("f(1, '2')", lambda: f(1, "2")),
]

for text, call in attempts:
    try:
        result = call()
        print(text, "->", result)
    except TypeError as e:
        print(text, "->", type(e).__name__ + ":", e)

# the error is raised before the body runs
def side_effect(a):
    print("body ran")
    return a

try:
    side_effect()
except TypeError as e:
    print("caught before body:", e)

# arguments that are fine
print(f(1, 2), f(b=1, a=2), f(*[3, 4]), f(**{"a": 5, "b": 6}))
print(g(1, c=3), g(1, 2, c=3), h(c=1, key=2) if False else h(1, key=2))
