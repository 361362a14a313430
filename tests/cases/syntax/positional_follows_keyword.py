# A positional argument after a keyword argument in a call.
def point(x, y, z=0):
    return (x, y, z)

print(point(x=1, 2))
