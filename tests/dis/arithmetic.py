a = 7
b = 2
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a, +a, ~a, a << b, a >> b, a & b, a | b, a ^ b)
c = 1.5 * (a + b) - 2j
big = 12345678901234567890 * a

def poly(x, y=3):
    return 2 * x ** 2 - 3 * x * y + y // 2 - x % y
