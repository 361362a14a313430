# An if statement with nothing indented under it.
x = 10
if x > 5:
print("big")
