def access(seq, i, j):
    first = seq[0]
    last = seq[-1]
    part = seq[i:j]
    step = seq[::2]
    seq[i] = first
    seq[1:3] = [last]
    del seq[0]
    del seq[i:j]
    return part, step

d = {"k": 1}
d["k"] = d["k"] + 1
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
print(d, grid[1], access([1, 2, 3, 4, 5], 1, 3))
