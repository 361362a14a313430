# The same keyword argument passed twice in a call.
def scale(value, factor=1):
    return value * factor

print(scale(2, factor=3, factor=4))
