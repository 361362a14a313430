# A dedent to a column that matches no enclosing block.
def f(n):
    if n > 0:
        total = 0
        for i in range(n):
            total += i
      return total
    return 0

print(f(4))
