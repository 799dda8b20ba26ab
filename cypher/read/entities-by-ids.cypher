// Entities by id, each with the statements of the reports the caller may see (the service
// assembles the caller's view from them). A hidden id answers exactly like a missing one.
//:include visible-markings
UNWIND $ids AS id
//:include entity-statements
RETURN anchor, statements
