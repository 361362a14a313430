# math integer functions: factorial, gcd, lcm, comb, perm, isqrt, prod.
import math

for n in [0, 1, 5, 10, 20, 30, 52]:
    print("factorial", n, math.factorial(n))
print(len(str(math.factorial(500))))
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.factorial(2.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.factorial(5.0)
except TypeError as e:
    print(type(e).__name__, e)

print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(0, 7), math.gcd(-12, 18), math.gcd(17, 5))
print(math.gcd(2**100, 6**50), math.gcd(), math.gcd(12), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(3, 5, 7), math.lcm(-4, 6))
try:
    math.gcd(1.5, 3)
except TypeError as e:
    print(type(e).__name__, e)

for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (52, 5), (100, 50), (0, 0)]:
    print("comb", n, k, math.comb(n, k), "perm", math.perm(n, k))
print(math.perm(5), math.perm(0))
for args in [(-1, 2), (5, -1)]:
    try:
        math.comb(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    math.perm(3, -2)
except ValueError as e:
    print(type(e).__name__, e)

for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10**20, 2**127 - 1, 10**40 + 1]:
    print("isqrt", n, math.isqrt(n))
try:
    math.isqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.isqrt(4.0)
except TypeError as e:
    print(type(e).__name__, e)

print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 4]))
print(math.prod([1, 2], start=10), math.prod([-1] * 7), math.prod([10**10] * 5))

# Pascal row by comb, and checking n choose k symmetry
print([math.comb(8, k) for k in range(9)])
print(all(math.comb(30, k) == math.comb(30, 30 - k) for k in range(31)))

# perfect squares via isqrt
squares = [n for n in range(200) if math.isqrt(n) ** 2 == n]
print(squares)

# reduce a fraction
num, den = 1071, 462
g = math.gcd(num, den)
print(num // g, "/", den // g)
