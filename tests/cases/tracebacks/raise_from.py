# raise X from Y: "The above exception was the direct cause of the following exception".

def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise RuntimeError("invalid port setting: " + repr(text)) from e
    return port


for setting in ["8080", "443", "eighty"]:
    print("port", parse_port(setting))
