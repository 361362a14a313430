# The same parameter name twice in a def.
def area(width, height, width):
    return width * height

print(area(1, 2, 3))
