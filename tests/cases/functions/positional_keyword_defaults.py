# def with positional and keyword arguments and default values.

def describe(name, age, city="unknown", country="nowhere"):
    return name + " (" + str(age) + ") from " + city + ", " + country

print(describe("Ann", 31))
print(describe("Bob", 42, "Paris"))
print(describe("Cy", 7, "Rome", "Italy"))
print(describe("Di", 19, country="Peru"))
print(describe(age=55, name="Ed"))
print(describe("Flo", city="Oslo", age=23))
print(describe(country="X", city="Y", age=0, name="Z"))

# defaults are evaluated once, at definition time
base = 10

def add_base(x, b=base):
    return x + b

base = 1000
print("default captured at def time:", add_base(5))

# defaults can be any expression
def power(x, exponent=2 * 1 + 1, scale=-1.5):
    return scale * x ** exponent

print(power(2))
print(power(2, 0))
print(power(-3, exponent=2, scale=1))
print(power(10, scale=0.0))

# None as a sentinel default
def greet(name=None):
    if name is None:
        name = "stranger"
    return "hello, " + name

print(greet())
print(greet("world"))
print(greet(name="kw"))

# a function returning None implicitly, or with bare return
def nothing():
    return

def implicit():
    x = 1

print(nothing(), implicit())

# keyword arguments with big and odd values
def combine(a, b=0, c=0.0):
    return a * 100 + b * 10 + c

print(combine(1))
print(combine(1, 2))
print(combine(1, 2, 3))
print(combine(10**20, c=0.5))
print(combine(b=-1, a=-1))
print(combine(1j, 2j))

# argument evaluation order: left to right
def show(tag):
    print("eval", tag)
    return tag

def three(a, b, c):
    return a + b + c

print(three(show("a"), c=show("c"), b=show("b")))

# __defaults__
print(describe.__defaults__)
print(power.__defaults__)
print(three.__defaults__)
