# Integer arithmetic crossing the 64-bit boundary in both directions.

max64 = 9223372036854775807
min64 = -9223372036854775808
print(max64 + 1, min64 - 1)
print((max64 + 1) - 1, type((max64 + 1) - 1).__name__)
print(max64 * 2, max64 * max64, min64 * -1, min64 * min64)
print(-min64, abs(min64), min64 // -1, min64 % -1)
print(max64 + max64 + 2 - max64 - max64)
print(2 ** 63, 2 ** 64, 2 ** 100, -2 ** 63, (-2) ** 63, (-2) ** 64)
print(2 ** 200 // 2 ** 199, 2 ** 200 % 7, 2 ** 200 - 2 ** 200)

# factorial grows past 64 bits and back down
f = 1
for i in range(1, 31):
    f *= i
print(f)
for i in range(30, 0, -1):
    f //= i
print(f, f == 1)

# big multiplication and division identities
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b)
print(b // a, b % a, divmod(b, a))
print((a * b) // b == a, (a * b) % a)
print(-a // 7, -a % 7, a // -7, a % -7)
print(a - b, b - a, -(a - b))
print(a ** 3)
print(a // 10 ** 20, a % 10 ** 20)
print(10 ** 30 // 3, 10 ** 30 % 3)

# mixed small/big
print(1 + 10 ** 25, 10 ** 25 - 1, 10 ** 25 * 0, 0 * 10 ** 25, (10 ** 25) // (10 ** 25))
print(10 ** 25 == 10 ** 25, 10 ** 25 < 10 ** 26, -10 ** 25 < 1, 10 ** 25 > max64)

# fibonacci past 2**64
x, y = 0, 1
for _ in range(100):
    x, y = y, x + y
print(x)
print(x.bit_length(), (-x).bit_length())

# powers of 3 and sums
s = 0
for k in range(50):
    s += 3 ** k
print(s, s % 1000007)

# integer true division of big ints gives floats
print(10 ** 20 / 10 ** 10, (2 ** 70) / 2, 1 / 2 ** 70)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))

# int to float conversion of big ints
print(float(2 ** 63), float(2 ** 64 + 1), float(-(2 ** 80)), float(10 ** 22), float(10 ** 23))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)

# negation and comparisons around boundaries
vals = [min64 - 1, min64, -1, 0, 1, max64, max64 + 1]
print(sorted(vals, reverse=True))
print([v > 0 for v in vals])
print([-v for v in vals])
print(sum(vals), max(vals), min(vals))
