# A dedent to a column that matches no outer indentation level.
def f(x):
    if x:
        y = 1
      z = 2
    return y
