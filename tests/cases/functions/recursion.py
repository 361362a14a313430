# Recursive functions: factorial, fibonacci, ackermann, gcd, power, hanoi, permutations.

def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

for n in [0, 1, 5, 10, 20, 25, 50]:
    print("factorial", n, factorial(n))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print("fib", [fib(i) for i in range(20)])

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

for m in range(3):
    for n in range(4):
        print("ackermann", m, n, ackermann(m, n))
print("ackermann 3 3", ackermann(3, 3))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print("gcd", gcd(1071, 462), gcd(0, 5), gcd(-12, 18), gcd(2**64, 6**30))

def fast_power(base, exp):
    if exp == 0:
        return 1
    half = fast_power(base, exp // 2)
    if exp % 2 == 0:
        return half * half
    return half * half * base

print("power", fast_power(3, 0), fast_power(3, 13), fast_power(-2, 101), fast_power(1.5, 7))

moves = []

def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source)

hanoi(3, "A", "C", "B")
print("hanoi moves", len(moves))
for m in moves:
    print("  move disk", m[0], "from", m[1], "to", m[2])

def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result

print(permutations([1, 2, 3]))
print(len(permutations(list("abcde"))))

# mutual recursion
def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print("even/odd", is_even(10), is_odd(7), is_even(33))

# recursion over nested lists
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out

print(flatten([1, [2, [3, [4, []]], 5], [[[6]]]]))

def depth(x):
    if not isinstance(x, list):
        return 0
    best = 0
    for item in x:
        d = depth(item)
        if d > best:
            best = d
    return best + 1

print("depth", depth([]), depth([1]), depth([[[[]]]]), depth([1, [2, [3]]]))

# binary search, recursive
def bsearch(arr, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return bsearch(arr, target, mid + 1, hi)
    return bsearch(arr, target, lo, mid - 1)

data = list(range(0, 100, 7))
print([bsearch(data, t, 0, len(data) - 1) for t in (0, 49, 98, 50, -7)])

# moderately deep recursion works
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)

print("depth 500:", count_down(500))
