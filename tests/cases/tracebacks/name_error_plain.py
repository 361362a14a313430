# NameError inside a function, for a name with no similar candidate.

def report(values):
    total = sum(values)
    print("total", total)
    print("average", total / count_of_xyz)


report([1, 2, 3])
