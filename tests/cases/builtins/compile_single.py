# compile(..., "single"): one interactive statement; expression statements go to sys.displayhook.
import builtins

exec(compile("1 + 1", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("x = 5; x * 2", "<s>", "single"))
exec(compile("for i in range(3):\n    i\n", "<s>", "single"))
exec(compile("if True:\n    [1, 2]\n", "<s>", "single"))
print(builtins._)
exec(compile("def f():\n    42\n", "<s>", "single"))
f()
print("f ran silently")

for src in ["x = 1\ny = 2\n", "if 1:\n    pass\ny = 2\n", "a = 1; b = 2\nc = 3\n"]:
    try:
        compile(src, "<s>", "single")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)

# Under "exec" the same expressions are silent.
exec(compile("1 + 1\n'text'\n", "<s>", "exec"))
print("done")
