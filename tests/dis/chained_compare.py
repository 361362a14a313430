def in_range(lo, x, hi):
    return lo <= x < hi

def three(a, b, c, d):
    if a < b < c < d:
        return 1
    return a == b != c

x = 5
print(0 < x < 10, 1 < 2 > x)
