counter = 0

def bump(n):
    global counter
    counter += n
    counter *= 2

def local_ops(a, b):
    a += b
    a -= 1
    a *= b
    a //= 1
    a %= 7
    a **= 2
    a <<= 1
    a >>= 1
    a &= 0xFF
    a |= 1
    a ^= 3
    a /= 2
    return a

def item_ops(lst, d):
    lst[0] += 1
    lst[-1] *= 2
    d["k"] -= 1
    lst[1:2] += [9]
    return lst, d

x = 10
x += 1
bump(x)
print(counter, local_ops(3, 4), item_ops([1, 2, 3], {"k": 5}))
