# bool is a subclass of int: arithmetic, bitwise ops, and conversions.

print(True + True, True - False, True * 10, False * 10, -True, +True, ~True, ~False)
print(True / 2, True // 2, True % 2, True ** 5, 2 ** False, 10 / True)
print(True & False, True | False, True ^ True, True & 1, True | 2, False ^ 3)
print(type(True & False).__name__, type(True | 1).__name__, type(True + True).__name__)
print(type(-True).__name__, type(~True).__name__, type(True * 1.0).__name__)
print(True << 3, True >> 1, 5 >> True, 1 << True)
print(True == 1, False == 0, True is True, True == 1.0, False == 0.0, True == 1 + 0j)
print(True > False, False < 1, True >= 1, True < 1.5)
print(int(True), float(True), complex(False), str(True), repr(False))
print(isinstance(True, int), isinstance(1, bool), type(True).__name__)
print(sum([True, False, True, True]), sum([], True))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(1e-300), bool(0j), bool(1j))
print(bool(float("nan")), bool(""), bool(" "), bool([]), bool([0]), bool(()), bool({}), bool(None))
print(bool(10 ** 100), bool(-(10 ** 100)), bool(range(0)), bool(range(1)))
print(hash(True), hash(False), hash(True) == hash(1))
print(round(True), abs(True), abs(False), divmod(True, True), pow(True, 2))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length())
print([True] * 3, "ab" * True, (1, 2)[True], "xyz"[False])

d = {}
d[1] = "int one"
d[True] = "bool true"
d[1.0] = "float one"
d[0] = "zero"
d[False] = "false"
print(d)

count = 0
for flag in [True, False, True, 1 > 0, 2 < 1, 3 == 3]:
    count += flag
print(count)

try:
    print(True / False)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(True % False)
except ZeroDivisionError as e:
    print(type(e).__name__, e)

print(max(True, 0), min(True, 2), sorted([True, 0, False, 2, -1]))
print(f"{True:d} {True:5} {True!r} {True:.2f}")
print(format(True), format(False, "^7"), str(True + 0))
