# Operator precedence and associativity across arithmetic, bitwise, comparison and boolean operators.

print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4, 2 * (3 + 4))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -1)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 100 / (10 / 5), 2 ** 2 ** 0)
print(17 // 5 * 5, 17 // (5 * 5), 17 % 5 * 2, 17 % (5 * 2), -17 // 5, -(17 // 5))
print(1 + 2 << 3, 1 + (2 << 3), 1 << 2 + 3, (1 << 2) + 3, 256 >> 2 >> 1)
print(6 & 3 | 8, 6 & (3 | 8), 6 | 3 ^ 5, (6 | 3) ^ 5, 1 | 2 ^ 3 & 4, 5 ^ 3 & 1)
print(1 + 2 & 3, 1 + (2 & 3), 8 - 1 & 4 << 1, ~1 + 1, ~(1 + 1), -~3, ~-3)
print(1 < 2 == 2, (1 < 2) == 2, 1 + 1 == 2, 3 & 1 == 1, (3 & 1) == 1, 2 | 1 < 3)
print(not 1 == 2, not (1 == 2), not 1 + 1, not 0 * 5, 1 == 1 and 2 == 2, 1 == (1 and 2) == 2)
print(True + True * 2, (True + True) * 2, True == 1 == 1.0, 5 in [5] == [5])
print(1 if 2 else 3 or 4, (1 if 2 else 3) or 4, 0 or 1 and 2, (0 or 1) and 2, 0 and 1 or 2)
print(3 * -2, 3 - -2, 3 ** -2, -3 ** 2 * 2, 2 * -3 ** 2, (2 * -3) ** 2)
print(7 % 3 ** 2, (7 % 3) ** 2, 10 - 2 ** 3 // 3 + 1, 2 + 3 * 4 ** 2 / 8 - 1)
print("ab" + "cd" * 2, ("ab" + "cd") * 2, "x" * 2 + "y", 3 * "z" + "w" * 2)
print([1, 2] + [3] * 2, ([1, 2] + [3]) * 2, (1,) * 2 + (3,))
print(-1 ** 0.5, (-1) ** 2, abs(-2) ** 2, -abs(-2) ** 2)
lst = [1, 2, 3, 4]
print(lst[1] + lst[2] * lst[3], -lst[0], lst[-1] ** 2, lst[1:3] * 2, lst[::2][-1])
print(2 * lst[1] ** 2, (2 * lst[1]) ** 2, not lst[0], -lst[-1] // 3)
a, b, c = 3, 4, 5
print(a * a + b * b == c * c, a < b < c == 5, a + b > c > a - b, a | b & c, a ^ b | c)
print(a if a > b else b if b > c else c, a * (b if a else c), (a, b)[a > b])
x = 10
x += 3 * 2
x -= x // 3
x *= 2 ** 2
print(x)
expr = 1 + 2 * 3 - 400 // 5 ** 2 % 7 + (8 << 1) - (9 >> 2) | 3 & 5 ^ 6
print(expr)
print(2 * 3 % 4, 2 * (3 % 4), 10 // 3 * 3 + 10 % 3, 1e3 ** 0.5 * 2)
print(1 - 2 - 3 - 4, 1 - (2 - (3 - 4)), 2 ** 1 ** 3 ** 0, 64 / 4 / 2 / 2)
print((lambda: 1 + 2)() * 3, [i * 2 + 1 for i in range(3)], {1: 2 + 3}[1] * 2)
