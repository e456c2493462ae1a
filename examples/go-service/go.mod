module example.com/vantage/go-service

go 1.19
