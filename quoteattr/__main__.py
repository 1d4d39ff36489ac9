from quoteattr.cli import app

app(prog_name="quoteattr")
