# Bitwise operators and shifts on ints, negatives and big ints.

vals = [0, 1, 5, 12, -1, -6, 255, -256]
for a in vals:
    print(a, ~a, a & 7, a | 8, a ^ 3, a << 2, a >> 1, a >> 10)

print(12 & 10, 12 | 10, 12 ^ 10, ~12, -12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
print(1 << 0, 1 << 1, 1 << 63, 1 << 64, 1 << 100, -1 << 100, 3 << 62)
print((1 << 100) >> 99, (1 << 100) >> 200, -(1 << 100) >> 200, -1 >> 1000, -5 >> 1, -5 >> 2, 5 >> 2)
print(0 << 10000, 0 >> 5, (2 ** 64 - 1) & (2 ** 32 - 1), (2 ** 64) | 1, (2 ** 64 + 3) ^ (2 ** 64))
print((-(2 ** 70)) & 0xFF, (-(2 ** 70)) | 0xFF, (2 ** 70 - 1) ^ -1, ~(2 ** 70))
print(0xF0F0 & 0x0FF0, 0xF0F0 | 0x0F0F, hex(0xDEAD ^ 0xBEEF), bin(0b1100 & 0b1010), oct(0o70 | 0o07))
print(True & True, True | False, True ^ True, True << 2, type(True & True).__name__, type(True << 1).__name__)

for a, b in [(1, -1), (5, -2), (0, -3)]:
    try:
        print(a << b)
    except (ValueError, OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
try:
    print(1 >> -1)
except ValueError as e:
    print(type(e).__name__, e)
print(1 >> 10 ** 30, -1 >> 10 ** 30)

for fn in [lambda: 1.0 & 1, lambda: 1 | 2.0, lambda: 1 << 1.0, lambda: 1j ^ 1, lambda: "a" & 1, lambda: ~2.0]:
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)

# bit_length and bin/hex/oct of negatives and big ints
for v in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 64), 10 ** 20]:
    print(v, v.bit_length(), bin(v), hex(v), oct(v))

# popcount by hand and parity
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print([popcount(i) for i in range(17)], popcount(2 ** 100 - 1), popcount(0xDEADBEEF))

# augmented bit ops
x = 0b1010
x &= 0b0110
print(x)
x |= 0b1000
print(x)
x ^= 0b1111
print(x)
x <<= 65
print(x)
x >>= 64
print(x)
m = 1
for i in range(10):
    m = (m << 7) ^ (m >> 3) ^ i
print(m, m & 0xFFFF, m % 65536 == m & 0xFFFF)
