def f(a, b=2, *args, c, d=4, **kwargs):
    return a + b + c + d + len(args) + len(kwargs)

def g(x=[], y=(1, 2), z=None, w=-1.5):
    return x, y, z, w
