# IndexError from a subscript expression nested in a call chain.

def pick(items, i):
    return items[i] * 10


def walk(matrix):
    total = 0
    for row in matrix:
        for j in range(4):
            total += pick(row, j)
            print("partial", total)
    return total


print(walk([[1, 2, 3, 4], [5, 6, 7]]))
