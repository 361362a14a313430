# Functions as values: __name__, passing and returning functions, storing them in containers.

def square(x):
    return x * x

def cube(x):
    return x * x * x

def negate(x):
    return -x

print(square.__name__, cube.__name__, negate.__name__)
alias = square
print(alias.__name__, alias(12), alias is square)
print(type(square).__name__)
print(callable(square), callable(3))

lam = lambda x: x + 1
print(lam.__name__)

def apply(f, values):
    result = []
    for v in values:
        result.append(f(v))
    return result

print(apply(square, [1, -2, 3]))
print(apply(cube, [1, -2, 3]))
print(apply(negate, [0, 1.5, -2**70]))

# a dict of functions as a dispatch table
ops = {"sq": square, "cube": cube, "neg": negate, "abs": abs}
for name in ["sq", "cube", "neg", "abs"]:
    print(name, ops[name](-4))

# list of functions
pipeline = [negate, square, cube]
value = 2
for step in pipeline:
    value = step(value)
    print("after", step.__name__, value)

# functions returning functions
def compose(f, g):
    def composed(x):
        return f(g(x))
    return composed

sq_then_neg = compose(negate, square)
print(sq_then_neg(5), sq_then_neg.__name__)

def make_multiplier(k):
    def multiply(x):
        return x * k
    multiply.__name__ = "times_" + str(k)
    return multiply

triple = make_multiplier(3)
print(triple(7), triple("ab"), triple.__name__)

# builtins are values too
for f in [len, abs, str, sorted]:
    print(f.__name__)
print(apply(len, ["", "a", "abc", [1, 2]]))
print(max(["pear", "fig", "banana"], key=len))

# comparing functions
print(square == square, square == cube, square != cube)

# functions stored as default arguments
def run(x, op=square):
    return op(x)

print(run(9), run(9, negate))

# higher-order reduce written by hand
def fold(f, values, start):
    acc = start
    for v in values:
        acc = f(acc, v)
    return acc

def add(a, b):
    return a + b

def mul(a, b):
    return a * b

print(fold(add, range(101), 0))
print(fold(mul, range(1, 31), 1))
print(fold(max, [3, 9, -1, 4], float("-inf")))

# redefining a function name
def greet():
    return "first"

old = greet

def greet():
    return "second"

print(old(), greet(), old is greet)
