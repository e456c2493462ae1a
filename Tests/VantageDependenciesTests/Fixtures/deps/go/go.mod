module example.com/gosvc

go 1.21

require (
	github.com/gin-gonic/gin v1.9.1
	golang.org/x/net v0.0.0-20220722155237-a158d28d115b // indirect
	github.com/old/lib v1.2.0
	github.com/docker/docker v20.10.7+incompatible
)

require github.com/local/thing v0.1.0

replace github.com/old/lib v1.2.0 => github.com/new/lib v1.3.1

replace github.com/local/thing => ../thing
