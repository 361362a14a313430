# Every augmented assignment operator on locals, globals, subscripts and attributes.

g = 10
def use_global():
    global g
    g += 5
    g -= 1
    g *= 3
    g //= 4
    g **= 2
    g %= 50
    g <<= 3
    g >>= 1
    g |= 0x100
    g &= 0x1F0
    g ^= 0xFF
    g /= 2
    return g
print(use_global(), g, type(g).__name__)

def locals_demo():
    a = 7
    steps = []
    a += 3; steps.append(a)
    a -= 20; steps.append(a)
    a *= -2; steps.append(a)
    a //= 3; steps.append(a)
    a %= 4; steps.append(a)
    a **= 10; steps.append(a)
    a <<= 64; steps.append(a)
    a >>= 60; steps.append(a)
    a &= 0xFF; steps.append(a)
    a |= 0x100; steps.append(a)
    a ^= 0x1FF; steps.append(a)
    a /= 4; steps.append(a)
    return steps
print(locals_demo())

f = 1.5
f += 1; f *= 2; f -= 0.5; f /= 3; f //= 0.5; f %= 1.25; f **= 2
print(f)
z = 1j
z += 1; z *= z; z -= 1; z /= 2; z **= 2
print(z)

# strings, lists, tuples
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
lst += "xy"
print(lst)
tup = (1,)
talias = tup
tup += (2,)
tup *= 2
print(tup, talias)

# subscripts: each target expression is evaluated once
calls = []
def idx(i):
    calls.append(i)
    return i
data = [10, 20, 30]
data[idx(0)] += 1
data[idx(-1)] *= 2
data[idx(1)] //= 3
print(data, calls)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 5
d["b"] -= 1
d["a"] **= 10
print(d)
m = [[1, 2], [3, 4]]
m[0][1] += 10
m[1][0] <<= 2
m[-1][-1] %= 3
print(m)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0)
    counts[ch] += 1
print(counts)

# attributes
class Acc:
    def __init__(self):
        self.total = 0
acc = Acc()
for i in range(5):
    acc.total += i
acc.total *= 10
print(acc.total)

# errors in augmented assignment
def exec_add(a, b):
    a += b
    return a

for fn in [lambda: exec_add(1, "a"), lambda: exec_add((1,), [2]), lambda: exec_add(None, 1)]:
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)

def exec_div(a, b):
    a /= b
    return a
for a, b in [(1, 0), (1.0, 0), (1j, 0)]:
    try:
        print(exec_div(a, b))
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    missing_name += 1
except NameError as e:
    print(type(e).__name__, e)
def unbound():
    counter += 1
    return counter
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    t = (1, 2)
    t[0] += 1
except TypeError as e:
    print(type(e).__name__, e, t)
try:
    empty = {}
    empty["k"] += 1
except KeyError as e:
    print(type(e).__name__, e)
