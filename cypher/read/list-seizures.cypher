//:include list-walk
//:include seizures-filter
//:include list-page
