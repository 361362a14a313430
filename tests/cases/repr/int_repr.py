# repr and str of ints: small, negative, big, and via arithmetic.

values = [0, -0, 1, -1, 7, 10, 255, -256, 2 ** 31 - 1, -2 ** 31, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64,
          -(2 ** 64) - 1, 10 ** 18, 10 ** 19, 10 ** 40, -(10 ** 40), 123456789012345678901234567890]
for v in values:
    print(repr(v), str(v), len(str(v)), str(v) == repr(v))

print(2 ** 256)
print(-(3 ** 200))
print(7 ** 100 - 7 ** 99)
print(int("1" * 60) * int("9" * 60))
print(10 ** 100 // 7)
print(str(2 ** 1000)[:20], str(2 ** 1000)[-20:], len(str(2 ** 1000)))
print(str(10 ** 4299)[:3], len(str(10 ** 4299)))
try:
    s = str(10 ** 5000)
    print(len(s))
except ValueError as e:
    print(type(e).__name__, e)
try:
    v = int("9" * 5000)
    print(v % 10)
except ValueError as e:
    print(type(e).__name__, e)

print(repr(True), str(False), repr(True + 0), repr(-True))
print([1, -2, 10 ** 20], (0,), {1: -1})
print(str(0x7f), str(0o17), str(0b101), str(1_000))
print(repr(int("-000123")), repr(int("+0")))
print(hex(2 ** 100), oct(-(2 ** 70)), bin(-5))
print("%d %i %s %r" % (10 ** 20, -5, 2 ** 65, -(2 ** 65)))
print(str(-0), repr(0 * -1), -0 == 0)
n = 1
for i in range(25):
    n = n * 10 + i % 10
print(n, -n)
