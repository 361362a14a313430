def pick(a, b, c):
    return a and b or c

def negate(a, b):
    if not a and not b:
        return None
    return not (a or b)

x = 0
y = x or 5
z = x and 5
w = not x
v = "yes" if x else "no"
print(y, z, w, v, pick(1, 0, 3), negate(0, 0))
