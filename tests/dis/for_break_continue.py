def scan(values):
    total = 0
    for v in values:
        if v < 0:
            continue
        if v > 100:
            break
        total += v
    else:
        total = -1
    return total

for i in range(3):
    print(i)
