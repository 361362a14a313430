# Loops at module level: their variables live in the module's dict (LOAD_NAME / STORE_NAME),
# which compiled traces read and write in place. Types change under them, names appear,
# functions called from the loop read the globals the loop assigns, and so on.
import math

total = 0
for i in range(1000):
    total += i * i
print(total, i)

x = 0.5
k = 0
while k < 500:
    x = x * 1.0001 + math.sqrt(k)
    k += 1
print(x, k)

# A list held by a module name, written in place.
xs = [1.0] * 100
for i in range(100):
    xs[i] = xs[i] * i + 0.25
print(sum(xs), xs[:3])
acc = 0
for v in xs:
    acc += v
print(acc)

# Int overflow of a module variable into a big int, and back to small ints.
big = 1
for i in range(100):
    big = big * 3 if i < 80 else big // 7
print(big)
n = 2**62
for i in range(10):
    n += 2**60
print(n)

# A variable changing type mid-loop: int -> float -> complex -> str.
t = 0
for i in range(300):
    if i == 100:
        t = 2.5
    if i == 200:
        t = t * 1j
    t += i
print(t)
u = 0
for i in range(120):
    u += 1
    if i == 110:
        u = str(u)
        break
print(repr(u))

# A global the loop assigns, read by a function the loop calls (inlined or not).
scale = 2


def scaled(v):
    return v * scale


acc = 0
for i in range(300):
    if i == 150:
        scale = 3
    acc += scaled(i)
print(acc, scale)

# A function name rebound mid-loop.
def twice(v):
    return 2 * v


def thrice(v):
    return 3 * v


acc = 0
for i in range(200):
    if i == 120:
        twice = thrice
    acc += twice(i)
print(acc)

# Names created while a loop runs (the module's keys change under the trace).
count = 0
for i in range(300):
    count += 1
    if i == 100:
        created_late = 1
    if i == 200:
        created_later = 2.0
print(count, created_late, created_later)
for i in range(200):
    if i == 150:
        del created_late
    count -= 1
print(count, "created_late" in globals())

# Floats summed in order, complex numbers, bools.
s = 0.0
for i in range(1, 2000):
    s += 1.0 / i
print(s)
z = 0j
c = complex(0.3, -0.2)
for i in range(200):
    z = z * z + c
print(z)
flag = False
flips = 0
for i in range(100):
    flag = not flag
    if flag:
        flips += 1
print(flag, flips)

# A while loop with break and else, and a for loop whose body raises.
j = 0
while j < 10**6:
    j += 3
    if j > 900:
        break
else:
    print("no break")
print(j)
for i in range(50):
    j += i
else:
    print("else", j)
try:
    q = 10
    for i in range(200):
        q = q - 1
        r = 100 // q
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, q, i)

# Loops in a class body and in exec with separate namespaces (their own locals).
class Table:
    total = 0
    for i in range(100):
        total += i


print(Table.total)
g = {"t": 0}
l = {"t": 5}
exec("for i in range(100):\n    t += i\n", g, l)
print(g["t"], l["t"], l["i"])
exec("for i in range(100):\n    t += i\n", g)
print(g["t"], g["i"])
