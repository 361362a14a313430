def f(a, b=2):
    return a + b * 3

print(f(1))
