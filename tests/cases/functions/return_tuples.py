# Returning several values as tuples and unpacking them.

def min_max(values):
    lo = hi = values[0]
    for v in values[1:]:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

print(min_max([3, 1, 4, 1, 5, 9, 2, 6]))
lo, hi = min_max([-2.5, 7, 10**21])
print(lo, hi)

def divide(a, b):
    return a // b, a % b

for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (10**30, 7)]:
    q, r = divide(a, b)
    print(a, b, "->", q, r, q * b + r == a)

def stats(values):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / n
    return n, mean, var

n, mean, var = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var)

result = stats([1, 2])
print(type(result).__name__, result, result[1])

def single():
    return 1,

def empty():
    return ()

def paren():
    return (1)

print(single(), empty(), paren())

# nested tuple returns and nested unpacking
def split_name(full):
    parts = full.split()
    return parts[0], (parts[1], len(parts[1]))

first, (last, length) = split_name("Ada Lovelace")
print(first, last, length)

# starred unpacking of returned tuple
def many():
    return 1, 2, 3, 4, 5

a, *middle, z = many()
print(a, middle, z)
*init, tail = many()
print(init, tail)

# wrong number of values to unpack
try:
    x, y = many()
except ValueError as e:
    print(type(e).__name__, e)
try:
    x, y, z = single()
except ValueError as e:
    print(type(e).__name__, e)

# swapping via tuples
p, q = 1, 2
p, q = q, p
print(p, q)

def rotate(a, b, c):
    return b, c, a

t = (1, 2, 3)
for _ in range(3):
    t = rotate(*t)
    print(t)

# returning a tuple with mixed types
def info():
    return "name", 3.25, [1, 2], {"k": None}, None, -0j

print(info())
name, score, lst, d, nothing, c = info()
print(name, score, lst, d, nothing, c)

# fibonacci pair
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b

print(fib_pair(0), fib_pair(1), fib_pair(100))
