//:include list-walk
//:include operations-filter
//:include list-page
