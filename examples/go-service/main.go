// A tiny health service on net/http. Port from $PORT or .env.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
)

func port() string {
	if p := os.Getenv("PORT"); p != "" {
		return p
	}
	if f, err := os.Open(".env"); err == nil {
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			if line := s.Text(); strings.HasPrefix(line, "PORT=") {
				return strings.TrimSpace(strings.TrimPrefix(line, "PORT="))
			}
		}
	}
	return "4103"
}

func main() {
	p := port()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		fmt.Fprintln(w, `{"service":"go-service","status":"ok"}`)
	})
	log.Printf("go-service listening on http://127.0.0.1:%s", p)
	log.Fatal(http.ListenAndServe("127.0.0.1:"+p, nil))
}
