plugins {
    kotlin("jvm") version "2.0.0"
    application
}

dependencies {
    implementation("io.ktor:ktor-server-netty:2.3.12")
    testImplementation("org.jetbrains.kotlin:kotlin-test:2.0.0")
}

application { mainClass.set("MainKt") }
