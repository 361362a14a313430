# Functions compiled from their entry calling each other (and themselves): a call of a function
# whose entry has a compiled tree runs the tree straight from the call, and what the tree
# cannot do goes on in the interpreter from where it left the frame.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(22))
print(fib(22.0))  # the same function with floats: another tree, or the interpreter
print(fib(True), fib(False))


def big(n):
    # Past 2**63 on the way back up: the add overflows into a big int.
    if n == 0:
        return 2**62
    return big(n - 1) + big(n - 1) // 2


print(big(5), big(12))


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(200))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(300))
sys.setrecursionlimit(400)
try:
    depth(395)
    print("395 fits")
except RecursionError:
    print("395 does not fit")
try:
    depth(420)
except RecursionError:
    print("420 does not fit")
sys.setrecursionlimit(1000)


def safe_div(a, b):
    if b == 0:
        raise ZeroDivisionError("b is zero at " + str(a))
    return a // b


def chain(n):
    if n == 0:
        return safe_div(10, 0)
    try:
        return chain(n - 1)
    except ZeroDivisionError as e:
        if n % 3 == 0:
            return -n
        raise


for k in range(60):
    r = None
    try:
        r = chain(k % 7)
    except ZeroDivisionError as e:
        r = str(e)
    if k > 50:
        print(k, r)


def kw(a, b=2, *, c=3):
    if a > 0:
        return kw(a - 1, b + 1, c=c * 2) + a
    return b * c


print([kw(i) for i in range(8)], kw(3, c=1), kw(a=2, b=5))


def poly(x):
    if x < 3:
        return x * 2
    return poly(x - 1) + poly(x - 2)


print(poly(15), poly(15.5), poly(7))
values = []
for i in range(100):
    values.append(poly(5 if i % 2 else 5.0))
print(sum(values), values[-2:])


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(n):
    if n == 0:
        return None
    return Node(build(n - 1), build(n - 1))


def count(t):
    if t is None:
        return 0
    return 1 + count(t.left) + count(t.right)


print(count(build(10)))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3), ackermann(3, 3))


def rebound(n):
    if n < 2:
        return n
    return helper(n - 1) + helper(n - 2)


def helper(n):
    return rebound(n)


print(rebound(15))
helper = lambda n: 1  # noqa: E731  (a global rebound between calls)
print(rebound(15))


def hanoi(n, a, b, c, moves):
    if n == 0:
        return 0
    k = hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    return k + 1 + hanoi(n - 1, b, a, c, moves)


ms = []
print(hanoi(10, "A", "B", "C", ms), ms[:3], ms[-1])


def gen_user(n):
    if n == 0:
        return sum(x for x in range(5))
    return gen_user(n - 1) + 1


print(gen_user(30))


def neg_zero(n, x):
    if n == 0:
        return x
    return neg_zero(n - 1, x * -1.0)


print(neg_zero(7, 0.0), neg_zero(8, 0.0), neg_zero(9, float("nan")))


# A function with a loop, compiled from its entry and called from a loop's trace: its calls
# run its tree without a frame. Later calls take another way through it (an early return, an
# argument of another type, bool): the frame is made where the tree leaves it, and that exit, hot,
# grows a side trace.
def count_to(n):
    if n > 1000:
        return -1
    s = 0
    for i in range(n):
        s += i
    return s


def driver(m):
    t = 0
    for j in range(m):
        if j < 300:
            t += count_to(j % 40)
        elif j < 600:
            t += count_to(2000)
        else:
            t += count_to(True if j % 2 else 7)
    return t


print(driver(900), driver(400))


def descend(x, n):
    if n == 0:
        return x < 3
    return descend(x, n - 1)


for i in range(200):
    descend(i, 6)
print(descend(2.5, 40))
print(descend(12 + 1j, 40))  # TypeError from the bottom of compiled calls: the traceback
