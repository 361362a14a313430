# Chained comparisons: evaluation order, short-circuit, single evaluation of middle operands.

calls = []

def v(x):
    calls.append(x)
    return x

def check(label, result):
    print(label, result, calls)
    calls.clear()

check("1<2<3", v(1) < v(2) < v(3))
check("1<3<2", v(1) < v(3) < v(2))
check("3<1<2", v(3) < v(1) < v(2))
check("1<2>0", v(1) < v(2) > v(0))
check("1==1==1", v(1) == v(1) == v(1))
check("1==1!=2", v(1) == v(1) != v(2))
check("1<=1<2<=2", v(1) <= v(1) < v(2) <= v(2))
check("5>4>3>2>1", v(5) > v(4) > v(3) > v(2) > v(1))
check("5>4>3>3>1", v(5) > v(4) > v(3) > v(3) > v(1))
check("a<b in c", v(1) < v(2) in v([2, 3]))
check("x in y in z", v("a") in v("abc") in v(["abc"]))
check("is chain", v(None) is v(None) is not v(1))
check("mixed types", v(1) < v(2.5) < v(3) == v(3.0))

# the middle operand is evaluated exactly once
counter = [0]
def mid():
    counter[0] += 1
    return 5
print(1 < mid() < 10, counter[0])
print(10 < mid() < 20, counter[0])
print(1 < mid() > 10, counter[0])

# chains return the last evaluated comparison result, not necessarily bool for custom types
x = 5
print(0 < x < 10, 0 < x < 3, -1 < -x < 0, 0 <= 0 <= 0, 1 > x > 0)
print(not 1 < 2 < 3, (1 < 2) < 3, 1 < (2 < 3), (1 < 2) == (2 < 3))
print(1 < 2 == 2 > 1 != 0 >= 0 <= 0)

# chains over strings, tuples, lists
print("a" < "b" < "c", "a" < "B", "abc" < "abd" < "abe", "" < "a" <= "a")
print((1, 2) < (1, 3) < (2,), [1] < [1, 0] < [2], () < (0,) < (0, 0))

# chains in conditions and loops
for i in range(-2, 8, 2):
    if 0 <= i < 5:
        print(i, "in range")
    elif i < 0:
        print(i, "negative")
    else:
        print(i, "too big")
n = 0
while 0 <= n < 3:
    n += 1
print("n", n)

# comparison errors are raised in the middle of a chain after earlier comparisons
try:
    print(v(1) < v(2) < v("3"))
except TypeError as e:
    print(type(e).__name__, e, calls)
calls.clear()
try:
    print(v(2) < v(1) < v("3"))
except TypeError as e:
    print(type(e).__name__, e)
print("short circuited", calls)
calls.clear()

# comparisons of big ints and floats in chains
print(-(10 ** 30) < -1e20 < 0 < 1e-300 < 1 < 10 ** 30 < float("inf"))
nan = float("nan")
print(0 < nan < 1, nan == nan == nan, 1 != nan != 1)
