# continue outside of any loop.
x = 0
if x == 0:
    continue
print(x)
