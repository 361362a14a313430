# Nested functions, closures and lambda basics.

def outer(x):
    def inner(y):
        return x + y
    return inner

add5 = outer(5)
add_neg = outer(-100)
print(add5(1), add5(10), add_neg(1))

def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2(), c1())

def make_accumulator(start):
    total = [start]
    def add(n):
        total[0] += n
        return total[0]
    return add

acc = make_accumulator(100)
print(acc(10), acc(-50), acc(0.5))

# closures capture variables, not values
def make_funcs():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return funcs

print([f() for f in make_funcs()])

# default argument trick to capture values
def make_funcs_fixed():
    funcs = []
    for i in range(3):
        def f(i=i):
            return i
        funcs.append(f)
    return funcs

print([f() for f in make_funcs_fixed()])

# lambda
square = lambda x: x * x
add = lambda a, b=10: a + b
nothing = lambda: None
print(square(9), add(1), add(1, 2), nothing())
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted(["banana", "Apple", "cherry", "date"], key=lambda s: s.lower()))
print(sorted([(1, "b"), (2, "a"), (0, "c")], key=lambda p: p[1]))
print(list(map(lambda x: x * 2, [1, 2, 3])))
print(list(filter(lambda x: x % 3 == 0, range(20))))

# lambdas in a dict
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
for sym in "+-*/":
    print(7, sym, 2, "=", ops[sym](7, 2))

# lambda returning a lambda (currying)
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))

# lambda with a conditional expression
sign = lambda x: "neg" if x < 0 else ("zero" if x == 0 else "pos")
print([sign(v) for v in (-3, 0, 4, -0.0, 1e-300)])

# three levels of nesting
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2

print(level1(1)(20)(300))

# closure over a loop-built list
def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]

print([f(10) for f in make_adders(4)])

# nested function reading an enclosing variable that changes later
def late():
    value = "before"
    def get():
        return value
    value = "after"
    return get()

print(late())
