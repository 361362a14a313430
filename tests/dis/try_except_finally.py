def safe_div(a, b):
    try:
        q = a / b
    except ZeroDivisionError as e:
        print("error", e)
        q = None
    except (TypeError, ValueError):
        raise
    else:
        print("ok")
    finally:
        print("done")
    return q

try:
    safe_div(1, 0)
except Exception:
    pass
