module github.com/acme/inventory

go 1.22

require github.com/google/uuid v1.6.0

require (
	github.com/gorilla/mux v1.8.1
	golang.org/x/sys v0.20.0 // indirect
)
