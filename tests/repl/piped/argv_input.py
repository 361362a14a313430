import sys
print(sys.argv, __name__, __file__)
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
