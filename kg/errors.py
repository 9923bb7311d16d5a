"""The exceptions kg raises; the CLI turns them into one line on stderr."""


class KgError(Exception):
    """Base class of every error kg reports to a user."""

    exit_code = 2


class InputError(KgError):
    """A file the user named is missing, empty, binary or not UTF-8."""


class StatementsError(KgError):
    """A statements file is malformed; the message names the file, the item and the problem."""


class RDFError(KgError):
    """RDF input that cannot be parsed, or a format kg does not know."""


class QueryError(KgError):
    """An invalid or refused SPARQL query."""


class OutputError(KgError):
    """An output path that cannot be written."""


class ExtractionError(KgError):
    """The extractor cannot run (no model, unusable text)."""


class ValidationFailed(KgError):
    """Data does not conform to the shapes (exit code 1, as pySHACL)."""

    exit_code = 1


class KgWarning(UserWarning):
    """Something kg changed or left out of an input; the CLI prints it as one line."""
