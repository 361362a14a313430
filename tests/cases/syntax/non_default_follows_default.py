# A parameter without default after one with a default.
def interval(lo=0, hi):
    return hi - lo

print(interval(1, 2))
